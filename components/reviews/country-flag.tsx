import { countryName } from "@/lib/apple/storefronts";

/** Regional-indicator emoji for an alpha-2 code ("us" → 🇺🇸), with the name for screen readers and tooltips. */
export function flagEmoji(code: string): string {
  return [...code.toUpperCase()].map((c) => String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 65)).join("");
}

export function CountryFlag({ code, showName = false }: { code: string | null; showName?: boolean }) {
  if (!code || !/^[a-z]{2}$/i.test(code)) return null;
  const name = countryName(code);
  return (
    <span className="inline-flex items-center gap-1" title={name}>
      <span aria-hidden className="text-[15px] leading-none">
        {flagEmoji(code)}
      </span>
      <span className={showName ? "" : "sr-only"}>{name}</span>
    </span>
  );
}
