"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function NavLink({ href, children, exact = false }: { href: string; children: React.ReactNode; exact?: boolean }) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2 truncate rounded-md px-2 py-1.5 text-sm transition-colors focus-ring",
        active ? "bg-zinc-900/[0.06] font-medium text-foreground" : "text-muted-foreground hover:bg-zinc-900/[0.04] hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}
