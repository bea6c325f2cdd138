"use client";

import { useEffect, useRef } from "react";

/** True when a key press belongs to what the person is typing into (a field, a select, editable text). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Single-key shortcuts on the whole page ("j", "k", "r", "?"): never while typing, never with Ctrl, Alt or Meta
 * (those belong to the browser and the system). The handler returns false to let the key through.
 */
export function useShortcuts(shortcuts: Record<string, () => boolean | void>) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTypingTarget(event.target)) return;
      const handler = latest.current[event.key];
      if (handler && handler() !== false) event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
