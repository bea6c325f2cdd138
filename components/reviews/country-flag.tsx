import { countryName, flagEmoji } from "@/lib/apple/storefronts";


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
