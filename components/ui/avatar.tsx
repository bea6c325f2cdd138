import * as React from "react";
import { cn } from "./cn";

const palette = [
  "bg-indigo-100 text-indigo-700",
  "bg-emerald-100 text-emerald-700",
  "bg-amber-100 text-amber-800",
  "bg-sky-100 text-sky-700",
  "bg-rose-100 text-rose-700",
  "bg-violet-100 text-violet-700",
  "bg-teal-100 text-teal-700",
  "bg-zinc-200 text-zinc-700",
];

export function initials(name: string): string {
  const parts = name.trim().replace(/@.*$/, "").split(/[\s._-]+/).filter(Boolean);
  if (parts.length === 0) return "?";
  if (parts.length === 1) return parts[0].slice(0, 2).toUpperCase();
  return (parts[0][0] + parts[parts.length - 1][0]).toUpperCase();
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

export type AvatarProps = {
  /** Name or email; used for initials, colour and the accessible label. */
  name: string;
  /** Optional image URL (e.g. an app icon); falls back to initials. */
  src?: string | null;
  size?: "xs" | "sm" | "md" | "lg";
  /** "rounded" (app-icon squircle) or "circle" (people). */
  shape?: "circle" | "rounded";
  className?: string;
};

const sizes = {
  xs: "size-5 text-[9px]",
  sm: "size-6 text-[10px]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;

export function Avatar({ name, src, size = "md", shape = "circle", className }: AvatarProps) {
  const classes = cn(
    "inline-flex shrink-0 items-center justify-center overflow-hidden font-semibold select-none ring-1 ring-zinc-950/5",
    shape === "circle" ? "rounded-full" : size === "lg" ? "rounded-[10px]" : "rounded-md",
    sizes[size],
    !src && palette[hash(name) % palette.length],
    className,
  );
  if (src) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt={name} className={cn(classes, "object-cover")} />;
  }
  return (
    <span role="img" aria-label={name} className={classes}>
      {initials(name)}
    </span>
  );
}
