import { FolderKanban, MessageSquareText, Users } from "lucide-react";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { MobileNav } from "@/components/dashboard/mobile-nav";
import { NavLink } from "@/components/dashboard/nav-link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { TeamSwitcher } from "@/components/dashboard/team-switcher";
import { UserMenu } from "@/components/dashboard/user-menu";
import { Providers } from "@/components/providers";
import { requirePageUser } from "@/lib/auth/session";
import { currentTeamFor } from "@/lib/current-team";
import { unreadCount } from "@/lib/data/notifications/inbox";
import { listProjects } from "@/lib/data/projects";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const { teams, current } = await currentTeamFor(user.id);
  const [projects, unread] = await Promise.all([current ? listProjects({ teamId: current.id }) : [], unreadCount(user.id)]);
  const navigation = (
    <>
      {current ? <TeamSwitcher teams={teams} currentId={current.id} /> : null}
      <nav className="flex flex-col gap-0.5" aria-label="Main">
        <NavLink href="/dashboard" exact>
          <FolderKanban className="size-4" aria-hidden /> Projects
        </NavLink>
        <div className="ml-6 flex flex-col gap-0.5 border-l border-border pl-2">
          {projects.map((p) => (
            <NavLink key={p.id} href={`/dashboard/projects/${p.id}`}>
              <span className="truncate">{p.name}</span>
            </NavLink>
          ))}
        </div>
        <NavLink href="/dashboard/reviews">
          <MessageSquareText className="size-4" aria-hidden /> Reviews
        </NavLink>
        <NavLink href="/dashboard/team">
          <Users className="size-4" aria-hidden /> Team
        </NavLink>
      </nav>
      <div className="mt-auto">
        <UserMenu name={user.name} email={user.email} />
      </div>
    </>
  );
  return (
    <Providers>
      <a
        href="#main"
        className="sr-only z-[60] rounded-control bg-white px-3 py-2 text-sm font-medium text-foreground shadow-overlay focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus-ring"
      >
        Skip to content
      </a>
      <div className="flex min-h-dvh flex-col bg-subtle md:flex-row">
        {/* The white column stretches with the page; the sidebar inside it stays in view while the page scrolls.
            Below md it is a top bar, and the navigation opens as a drawer from its menu button. */}
        <div className="sticky top-0 z-40 shrink-0 border-b border-border bg-white md:static md:w-60 md:border-r md:border-b-0">
          <aside className="flex flex-col gap-4 px-3 py-2 md:sticky md:top-0 md:h-dvh md:py-4">
            <div className="flex items-center justify-between gap-2 pr-1">
              <div className="flex min-w-0 items-center gap-1">
                <MobileNav>{navigation}</MobileNav>
                <Link href="/dashboard" className="rounded-md px-2 py-1 focus-ring" aria-label="Starboard">
                  <Logo />
                </Link>
              </div>
              <NotificationBell initialUnread={unread} />
            </div>
            <div className="hidden md:contents">{navigation}</div>
          </aside>
        </div>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none md:px-8 md:py-8">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </Providers>
  );
}
