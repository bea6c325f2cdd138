"use client";

import * as React from "react";
import { DropdownMenu as Menu } from "radix-ui";
import { Check } from "lucide-react";
import { cn } from "./cn";

export const DropdownMenu = Menu.Root;
/** Use with asChild: <DropdownMenuTrigger asChild><Button …/></DropdownMenuTrigger> */
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;
export const DropdownMenuRadioGroup = Menu.RadioGroup;

export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = "end",
  ...props
}: React.ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        sideOffset={sideOffset}
        align={align}
        collisionPadding={8}
        className={cn(
          "z-50 max-h-(--radix-dropdown-menu-content-available-height) min-w-44 overflow-y-auto rounded-lg border border-border bg-white p-1 shadow-overlay",
          "origin-(--radix-dropdown-menu-content-transform-origin) data-[state=open]:animate-pop-in",
          className,
        )}
        {...props}
      />
    </Menu.Portal>
  );
}

const itemClasses =
  "relative flex h-8 cursor-pointer items-center gap-2 rounded-md px-2 text-sm text-zinc-800 outline-none select-none " +
  "data-highlighted:bg-muted data-highlighted:text-foreground data-disabled:pointer-events-none data-disabled:opacity-50 " +
  "[&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-zinc-500";

export function DropdownMenuItem({
  className,
  destructive,
  shortcut,
  children,
  ...props
}: React.ComponentProps<typeof Menu.Item> & {
  /** Red text, for Delete/Remove. */
  destructive?: boolean;
  /** Right-aligned hint, e.g. "⌘K". */
  shortcut?: React.ReactNode;
}) {
  return (
    <Menu.Item
      className={cn(
        itemClasses,
        destructive &&
          "text-red-600 data-highlighted:bg-red-50 data-highlighted:text-red-700 [&_svg]:text-red-500",
        className,
      )}
      {...props}
    >
      {children}
      {shortcut ? <span className="ml-auto pl-4 text-xs tracking-wide text-zinc-400">{shortcut}</span> : null}
    </Menu.Item>
  );
}

export function DropdownMenuCheckboxItem({ className, children, ...props }: React.ComponentProps<typeof Menu.CheckboxItem>) {
  return (
    <Menu.CheckboxItem className={cn(itemClasses, "pl-8", className)} {...props}>
      <Menu.ItemIndicator className="absolute left-2 flex items-center">
        <Check className="!text-accent" />
      </Menu.ItemIndicator>
      {children}
    </Menu.CheckboxItem>
  );
}

export function DropdownMenuRadioItem({ className, children, ...props }: React.ComponentProps<typeof Menu.RadioItem>) {
  return (
    <Menu.RadioItem className={cn(itemClasses, "pl-8", className)} {...props}>
      <Menu.ItemIndicator className="absolute left-2 flex items-center">
        <Check className="!text-accent" />
      </Menu.ItemIndicator>
      {children}
    </Menu.RadioItem>
  );
}

export function DropdownMenuLabel({ className, ...props }: React.ComponentProps<typeof Menu.Label>) {
  return <Menu.Label className={cn("px-2 pt-1.5 pb-1 text-xs font-medium text-muted-foreground", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: React.ComponentProps<typeof Menu.Separator>) {
  return <Menu.Separator className={cn("-mx-1 my-1 h-px bg-border", className)} {...props} />;
}
