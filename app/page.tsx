import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";
import { Stars } from "@/components/ui/stars";

export default function LandingPage() {
  return (
    <div className="relative flex min-h-dvh flex-col overflow-hidden bg-white">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 h-[420px] bg-[radial-gradient(60%_60%_at_50%_0%,var(--color-indigo-50),transparent)]"
      />
      <header className="relative mx-auto flex w-full max-w-5xl items-center justify-between px-6 py-5">
        <Logo />
        <nav className="flex items-center gap-1">
          <Button asChild variant="ghost" size="sm">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </nav>
      </header>

      <main className="relative mx-auto flex w-full max-w-5xl flex-1 flex-col items-center justify-center px-6 pb-24 text-center">
        <div className="mb-6 inline-flex items-center gap-2 rounded-full border border-border bg-white px-3 py-1 shadow-card">
          <Stars value={4.6} size="xs" />
          <span className="text-xs font-medium text-zinc-600">Ratings &amp; reviews, on your own server</span>
        </div>
        <h1 className="max-w-2xl text-4xl leading-[1.1] font-semibold tracking-[-0.03em] text-balance text-foreground sm:text-5xl">
          Every App Store review, in one calm dashboard.
        </h1>
        <p className="mt-5 max-w-xl text-base leading-7 text-pretty text-muted-foreground">
          Starboard tracks ratings and reviews for your apps across every storefront, keeps the history on your own
          infrastructure, and tells you when something changes.
        </p>
        <div className="mt-8 flex flex-wrap items-center justify-center gap-3">
          <Button asChild>
            <Link href="/sign-up">
              Create account
              <ArrowRight />
            </Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </main>

      <footer className="relative mx-auto w-full max-w-5xl px-6 py-6 text-center text-xs text-muted-foreground">
        Self-hosted · Your data stays on your server
      </footer>
    </div>
  );
}
