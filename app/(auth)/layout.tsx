import Link from "next/link";
import { Logo } from "@/components/brand/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-subtle px-4 py-12">
      <Link href="/" className="mb-8" aria-label="Starboard home">
        <Logo size="lg" />
      </Link>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
