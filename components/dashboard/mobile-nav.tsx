"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogTrigger, DrawerContent } from "@/components/ui/dialog";

/**
 * The sidebar on small screens: a menu button opening it as a drawer. Focus stays inside while it is open and
 * returns to the button; it closes on Escape and when a link in it is followed (even to the page already shown).
 */
export function MobileNav({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // Any navigation closes it: adjusted while rendering, so the new page never shows behind an open drawer.
  const [shownOn, setShownOn] = useState(pathname);
  if (shownOn !== pathname) {
    setShownOn(pathname);
    setOpen(false);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label="Menu" className="md:hidden">
          <Menu aria-hidden />
        </Button>
      </DialogTrigger>
      <DrawerContent
        title="Menu"
        className="gap-4 px-3 py-4"
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a[href]")) setOpen(false);
        }}
      >
        <div className="flex items-center justify-between gap-2 pr-1 pl-2">
          <Logo />
          <DialogClose asChild>
            <Button variant="ghost" size="icon-sm" aria-label="Close menu">
              <X aria-hidden />
            </Button>
          </DialogClose>
        </div>
        {children}
      </DrawerContent>
    </Dialog>
  );
}
