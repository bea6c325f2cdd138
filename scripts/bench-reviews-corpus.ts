// Generated multilingual reviews for the search benchmark: nine languages with their inflections (en, de, fr,
// es, pt, ru) and unspaced text (ja, zh; ko with particles glued to words), plus a long tail of rarer words.
// The fixed term sets and the ground truth live here too: the truth is computed in JavaScript over the
// generated texts (whole-word forms and prefixes for alphabetic languages, substrings for CJK), independently
// of PostgreSQL's parsers and dictionaries.
import { mulberry32 } from "../tools/apple-sim/random";

export type Lang = "en" | "de" | "fr" | "es" | "pt" | "ru" | "ja" | "zh" | "ko";

/** Share of each language among the generated reviews (App Store markets, roughly). */
export const LANGUAGE_SHARE: Record<Lang, number> = { en: 0.3, de: 0.1, fr: 0.08, es: 0.08, pt: 0.06, ru: 0.08, ja: 0.12, zh: 0.1, ko: 0.08 };

/** `{slot}` takes a random form of that word; `[a|b]` a random alternative. */
interface LanguageText {
  forms: Record<string, string[]>;
  sentences: string[];
  titles: string[];
  /** Syllables for the long tail of rarer words (names, places, products). */
  syllables: string[];
  /** Joins sentences: a space, or nothing for unspaced scripts. */
  join: string;
}

const TEXT: Record<Lang, LanguageText> = {
  en: {
    forms: {
      crash: ["crash", "crashes", "crashing", "crashed"],
      ad: ["ad", "ads"],
      slow: ["slow", "slower", "slowly"],
      battery: ["battery", "batteries"],
      sync: ["sync", "syncs", "syncing", "synced"],
      update: ["update", "updates", "updated", "updating"],
      widget: ["widget", "widgets"],
      subscription: ["subscription", "subscriptions"],
      freeze: ["freeze", "freezes", "freezing"],
      notification: ["notification", "notifications"],
      fix: ["fix", "fixes", "fixed", "fixing"],
      love: ["love", "loves", "loved", "loving"],
      feature: ["feature", "features"],
      login: ["login", "logins"],
    },
    sentences: [
      "The app keeps {crash} when I open the map.",
      "Since the last {update} it {crash} on launch.",
      "Way too many {ad}, I would pay to remove them.",
      "Syncing with iCloud is {slow} than before.",
      "I {love} the {widget} but the {battery} drain is terrible.",
      "Please {fix} the {login} problem, I get logged out every day.",
      "The {subscription} price is too high for what it does.",
      "It {freeze} every time I scroll through my {feature}.",
      "{notification} arrive late or not at all.",
      "Great app, I really like the dark mode.",
      "Works fine on my iPhone but the iPad version {crash}.",
      "Simple, clean and fast. Exactly what I needed.",
      "Customer support answered quickly and {fix} my problem.",
      "After the {update} the {widget} stopped refreshing.",
      "The new {feature} are nice but the app got {slow}.",
      "My {sync} keeps failing and the {notification} are gone.",
      "I have used it for years in {tail} and it never let me down.",
      "Would be perfect with a dark mode for the {widget}.",
    ],
    titles: ["Great app", "Keeps {crash}", "Too many {ad}", "Love it", "Please {fix} this", "So {slow}", "Dark mode please", "Almost perfect", "Not worth it"],
    syllables: ["ber", "ton", "wick", "ham", "ley", "ford", "ash", "mor", "ing", "dale", "ster", "win", "cot", "ridge"],
    join: " ",
  },
  de: {
    forms: {
      absturz: ["Absturz", "Abstürze", "abstürzt", "abstürzen"],
      werbung: ["Werbung", "Werbungen"],
      langsam: ["langsam", "langsamer", "langsame", "langsamen"],
      akku: ["Akku", "Akkus"],
      update: ["Update", "Updates"],
      synchronisierung: ["Synchronisierung", "Synchronisierungen"],
      anmeldung: ["Anmeldung", "Anmeldungen"],
      funktioniert: ["funktioniert", "funktionieren", "funktionierte"],
      widget: ["Widget", "Widgets"],
      benachrichtigung: ["Benachrichtigung", "Benachrichtigungen"],
    },
    sentences: [
      "Seit dem letzten {update} gibt es ständig {absturz}.",
      "Die App stürzt ab, sobald ich ein Foto hinzufüge.",
      "Viel zu viel {werbung}, so macht das keinen Spaß.",
      "Die {synchronisierung} ist sehr {langsam} geworden.",
      "Der {akku} ist nach einer Stunde leer.",
      "Die {anmeldung} {funktioniert} seit gestern nicht mehr.",
      "Tolle App, die {widget} sind wunderschön.",
      "Bitte den Dunkelmodus zurückbringen!",
      "Leider ist die App beim Öffnen der Karte schon wieder abgestürzt.",
      "Ich bin sehr zufrieden, danke an die Entwickler.",
      "Das Abo ist für diese Funktionen zu teuer.",
      "Die {benachrichtigung} kommen viel zu spät.",
      "Nach jedem {update} wird die App {langsam}.",
      "Ich nutze die App jeden Tag in {tail} und sie {funktioniert} gut.",
      "Beim Start kommt es zum {absturz}, bitte beheben.",
    ],
    titles: ["Stürzt ab", "Zu viel {werbung}", "Super App", "Sehr {langsam}", "Ständige {absturz}", "Fast perfekt", "Enttäuschend"],
    syllables: ["berg", "hau", "sen", "dorf", "lin", "mann", "stein", "bach", "wald", "ring", "feld", "hei"],
    join: " ",
  },
  fr: {
    forms: {
      plante: ["plante", "plantent", "planté"],
      plantage: ["plantage", "plantages"],
      publicite: ["publicité", "publicités"],
      lent: ["lent", "lente", "lents", "lentes"],
      batterie: ["batterie", "batteries"],
      connexion: ["connexion", "connexions"],
      widget: ["widget", "widgets"],
      abonnement: ["abonnement", "abonnements"],
      notification: ["notification", "notifications"],
    },
    sentences: [
      "L'application {plante} au démarrage depuis la dernière mise à jour.",
      "Trop de {publicite}, c'est insupportable.",
      "La synchronisation est très {lent} et la {batterie} se vide vite.",
      "Impossible de me connecter depuis hier, la {connexion} échoue.",
      "Les {widget} sont superbes mais il manque le mode sombre.",
      "Pas mal mais l'{abonnement} est un peu cher.",
      "Elle se ferme toute seule quand j'ouvre la carte.",
      "Des {plantage} à chaque ouverture, c'est pénible.",
      "Très bonne appli, je la recommande à tous.",
      "Les {notification} arrivent avec beaucoup de retard.",
      "Je l'utilise tous les jours à {tail} et elle est très pratique.",
      "Depuis la mise à jour, tout est {lent}.",
    ],
    titles: ["Elle {plante}", "Trop de {publicite}", "Génial", "Très {lent}", "Déçu", "Presque parfait"],
    syllables: ["ville", "mont", "ber", "lac", "roche", "fon", "bois", "tour", "champ", "sur"],
    join: " ",
  },
  es: {
    forms: {
      lento: ["lento", "lenta", "lentos", "lentas"],
      anuncio: ["anuncio", "anuncios"],
      actualizacion: ["actualización", "actualizaciones"],
      bateria: ["batería", "baterías"],
      error: ["error", "errores"],
      widget: ["widget", "widgets"],
      suscripcion: ["suscripción", "suscripciones"],
      notificacion: ["notificación", "notificaciones"],
    },
    sentences: [
      "Se cierra sola cada vez que la abro.",
      "Demasiados {anuncio}, es insoportable.",
      "La sincronización es muy {lento} desde la última {actualizacion}.",
      "No puedo iniciar sesión con mi cuenta, sale un {error}.",
      "Los {widget} son preciosos pero gastan mucha {bateria}.",
      "Funciona bien pero la {suscripcion} es cara.",
      "Por favor añadan modo oscuro.",
      "Excelente aplicación, la uso todos los días.",
      "Después de la {actualizacion} la aplicación va muy {lento}.",
      "Las {notificacion} llegan tarde o no llegan.",
      "La uso en {tail} y nunca me ha fallado.",
    ],
    titles: ["Se cierra", "Demasiados {anuncio}", "Excelente", "Muy {lento}", "Decepcionante", "Casi perfecta"],
    syllables: ["ran", "villa", "dro", "mar", "sol", "cas", "tel", "ba", "lo", "rio"],
    join: " ",
  },
  pt: {
    forms: {
      trava: ["trava", "travando", "travou", "travar"],
      anuncio: ["anúncio", "anúncios"],
      lento: ["lento", "lenta", "lentos"],
      atualizacao: ["atualização", "atualizações"],
      bateria: ["bateria", "baterias"],
      erro: ["erro", "erros"],
      notificacao: ["notificação", "notificações"],
    },
    sentences: [
      "O aplicativo {trava} toda vez que abro o mapa.",
      "Muitos {anuncio}, fica impossível usar.",
      "A sincronização está muito {lento} depois da {atualizacao}.",
      "Não consigo entrar na minha conta, aparece um {erro}.",
      "Os widgets são lindos mas gastam muita {bateria}.",
      "Bom aplicativo, mas a assinatura é cara demais.",
      "Por favor, adicionem o modo escuro.",
      "Ótimo aplicativo, recomendo a todos.",
      "As {notificacao} chegam atrasadas.",
      "Uso todos os dias em {tail} e funciona muito bem.",
    ],
    titles: ["{trava} muito", "Muitos {anuncio}", "Ótimo", "Muito {lento}", "Decepcionado", "Quase perfeito"],
    syllables: ["ção", "bra", "lin", "dos", "ita", "mar", "pau", "ro", "ga", "tu"],
    join: " ",
  },
  ru: {
    forms: {
      prilozhenie: ["приложение", "приложения", "приложением", "приложении"],
      vyletaet: ["вылетает", "вылетают"],
      reklama: ["реклама", "рекламы", "рекламу", "рекламой"],
      medlenno: ["медленно", "медленный", "медленная"],
      obnovlenie: ["обновление", "обновления", "обновлением", "обновлении"],
      batareya: ["батарея", "батареи", "батарею"],
      sinkhronizatsiya: ["синхронизация", "синхронизации", "синхронизацию"],
      vidzhet: ["виджет", "виджеты", "виджетов"],
    },
    sentences: [
      "Это {prilozhenie} {vyletaet} при запуске после {obnovlenie}.",
      "Слишком много {reklama}, невозможно пользоваться.",
      "Отличное {prilozhenie}, пользуюсь каждый день.",
      "Эта {sinkhronizatsiya} работает очень {medlenno}.",
      "Не могу войти в аккаунт уже второй день.",
      "Красивые {vidzhet}, но {batareya} садится быстро.",
      "Хорошо, но подписка слишком дорогая.",
      "Добавьте, пожалуйста, тёмную тему.",
      "После {obnovlenie} всё стало {medlenno}.",
      "Пользуюсь в {tail} и всё работает отлично.",
    ],
    titles: ["{vyletaet}", "Много {reklama}", "Отлично", "Очень {medlenno}", "Разочарован", "Почти идеально"],
    syllables: ["ско", "ров", "град", "мир", "ва", "ин", "ка", "ло", "ни", "ев"],
    join: " ",
  },
  ja: {
    forms: {},
    sentences: [
      "アップデート後に起動するとすぐ落ちます。",
      "広告が多すぎて使いにくいです。",
      "とても便利なアプリです。毎日使っています。",
      "通知が遅いことがあります。",
      "同期がとても遅いです。",
      "ログインできません。",
      "ウィジェットがかわいいけど電池の減りが早い。",
      "いいアプリだけど値段が高い。",
      "ダークモードを追加してください。",
      "動作が遅くて困っています。",
      "最高のアプリです！",
      "[広告|動画広告]を消す方法を教えてください。",
      "{tail}で毎日使っていますが便利です。",
    ],
    titles: ["落ちます", "広告が多い", "最高", "遅い", "便利です", "残念"],
    syllables: ["山", "田", "川", "本", "中", "村", "野", "島", "沢", "原"],
    join: "",
  },
  zh: {
    forms: {},
    sentences: [
      "更新后一打开就闪退。",
      "广告太多了，体验很差。",
      "非常好用的应用，每天都在用。",
      "同步速度太慢了。",
      "无法登录我的账号。",
      "小组件很漂亮，但是很耗电。",
      "不错，就是有点贵。",
      "希望增加深色模式。",
      "打开地图的时候经常卡顿。",
      "谢谢开发者！",
      "我在{tail}每天都用，很方便。",
    ],
    titles: ["闪退", "广告太多", "好用", "太慢了", "失望", "很好"],
    syllables: ["京", "海", "州", "山", "江", "南", "北", "东", "西", "安"],
    join: "",
  },
  ko: {
    forms: {},
    sentences: [
      "업데이트 후에 앱이 자꾸 꺼져요.",
      "광고가 너무 많아요.",
      "정말 유용한 앱입니다. 매일 사용해요.",
      "동기화가 너무 느려요.",
      "로그인이 안 됩니다.",
      "위젯은 예쁜데 배터리가 빨리 닳아요.",
      "좋은데 가격이 비싸요.",
      "다크 모드 추가해 주세요.",
      "광고를 없애 주세요.",
      "앱이 느리고 자주 멈춰요.",
      "{tail}에서 매일 쓰는데 편해요.",
    ],
    titles: ["꺼져요", "광고 많음", "최고", "느려요", "실망", "좋아요"],
    syllables: ["서", "울", "부", "산", "대", "구", "인", "천", "광", "주"],
    join: " ",
  },
};

export interface GeneratedReview {
  lang: Lang;
  title: string | null;
  body: string;
}

const LANGS = Object.keys(LANGUAGE_SHARE) as Lang[];

/** The review at `index`: deterministic, so the same corpus comes back for the same seed. */
export function createCorpus(seed: number) {
  const cumulative = LANGS.map(
    (
      (sum) => (l: Lang) =>
        (sum += LANGUAGE_SHARE[l])
    )(0),
  );
  return function review(index: number): GeneratedReview {
    const rnd = mulberry32(seed * 1_000_003 + index);
    const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
    const u = rnd();
    const lang = LANGS[cumulative.findIndex((c) => u < c)] ?? "en";
    const t = TEXT[lang];
    // A long tail of rarer words: 1–3 syllables drawn so that short ones are frequent and long ones rare.
    const tail = () => {
      const n = 1 + Math.floor(rnd() * rnd() * 4);
      let w = "";
      for (let i = 0; i < n + 1; i++) w += pick(t.syllables);
      return lang === "ja" || lang === "zh" || lang === "ko" ? w : w[0].toUpperCase() + w.slice(1);
    };
    const fill = (s: string) =>
      s
        .replace(/\{(\w+)\}/g, (_, k: string) => (k === "tail" ? tail() : pick(t.forms[k])))
        .replace(/\[([^\]]+)\]/g, (_, alts: string) => pick(alts.split("|")))
        .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    const count = 1 + Math.floor(rnd() * 3);
    const body = Array.from({ length: count }, () => fill(pick(t.sentences))).join(t.join);
    const title = rnd() < 0.75 ? fill(pick(t.titles)) : null;
    return { lang, title, body };
  };
}

/** One search term of the fixed set and how the bench decides, on its own, whether a review contains it. */
export interface BenchTerm {
  q: string;
  kind: "word" | "inflected" | "prefix" | "cjk" | "phrase";
  matches: (text: string) => boolean;
}

const WORD_EDGE = "[\\p{L}\\p{N}]";
/** Any of these whole words (case-insensitive), or any word starting with one of the prefixes. */
function wordTruth(forms: string[], prefixes: string[] = []): (text: string) => boolean {
  const alternatives = [forms.length ? `(?:${forms.join("|")})(?!${WORD_EDGE})` : "", ...prefixes].filter(Boolean);
  const re = new RegExp(`(?<!${WORD_EDGE})(?:${alternatives.join("|")})`, "iu");
  return (text) => re.test(text);
}
const substring = (s: string) => (text: string) => text.includes(s);
const phrase = (words: string[]) => {
  const re = new RegExp(`(?<!${WORD_EDGE})${words.join("[\\s\\p{P}]+")}(?!${WORD_EDGE})`, "iu");
  return (text: string) => re.test(text);
};
const F = (lang: Lang, key: string) => TEXT[lang].forms[key];

/** The ordinary set: whole words, inflected forms, prefixes, CJK words inside unspaced text, phrases. */
export const ORDINARY_TERMS: BenchTerm[] = [
  { q: "crash", kind: "word", matches: wordTruth(F("en", "crash")) },
  { q: "crashes", kind: "inflected", matches: wordTruth(F("en", "crash")) },
  { q: "batteries", kind: "inflected", matches: wordTruth(F("en", "battery")) },
  { q: "notification", kind: "word", matches: wordTruth(F("en", "notification")) },
  { q: "subscriptions", kind: "inflected", matches: wordTruth(F("en", "subscription")) },
  { q: "freezing", kind: "inflected", matches: wordTruth(F("en", "freeze")) },
  { q: "sync", kind: "prefix", matches: wordTruth(F("en", "sync"), ["sync"]) },
  { q: "abstürz", kind: "prefix", matches: wordTruth(F("de", "absturz"), ["abstürz"]) },
  { q: "Werbung", kind: "word", matches: wordTruth(F("de", "werbung")) },
  { q: "langsamer", kind: "inflected", matches: wordTruth(F("de", "langsam")) },
  { q: "Benachrichtigungen", kind: "inflected", matches: wordTruth(F("de", "benachrichtigung")) },
  { q: "publicités", kind: "inflected", matches: wordTruth(F("fr", "publicite")) },
  { q: "lente", kind: "inflected", matches: wordTruth(F("fr", "lent")) },
  { q: "plantage", kind: "word", matches: wordTruth(F("fr", "plantage")) },
  { q: "anuncios", kind: "inflected", matches: wordTruth(F("es", "anuncio")) },
  { q: "actualización", kind: "inflected", matches: wordTruth(F("es", "actualizacion")) },
  { q: "atualizações", kind: "inflected", matches: wordTruth(F("pt", "atualizacao")) },
  { q: "travando", kind: "inflected", matches: wordTruth(F("pt", "trava")) },
  { q: "приложение", kind: "inflected", matches: wordTruth(F("ru", "prilozhenie")) },
  { q: "рекламы", kind: "inflected", matches: wordTruth(F("ru", "reklama")) },
  { q: "обновлен", kind: "prefix", matches: wordTruth([], ["обновлен"]) },
  { q: "広告", kind: "cjk", matches: substring("広告") },
  { q: "遅い", kind: "cjk", matches: substring("遅い") },
  { q: "便利", kind: "cjk", matches: substring("便利") },
  { q: "落ちます", kind: "cjk", matches: substring("落ちます") },
  { q: "广告", kind: "cjk", matches: substring("广告") },
  { q: "闪退", kind: "cjk", matches: substring("闪退") },
  { q: "卡顿", kind: "cjk", matches: substring("卡顿") },
  { q: "광고", kind: "cjk", matches: substring("광고") },
  { q: "느려요", kind: "cjk", matches: substring("느려요") },
  { q: '"dark mode"', kind: "phrase", matches: phrase(["dark", "mode"]) },
  { q: '"stürzt ab"', kind: "phrase", matches: phrase(["stürzt", "ab"]) },
  { q: '"se cierra"', kind: "phrase", matches: phrase(["se", "cierra"]) },
  { q: '"mode sombre"', kind: "phrase", matches: phrase(["mode", "sombre"]) },
];

/**
 * The adversarial set: what a careless or hostile caller sends. Some are refused with a 400 (over the
 * limits); the rest must stay within the page budget too.
 */
export function adversarialQueries(): { label: string; filters: { q?: string; nickname?: string; rating?: string; country?: string; response?: "yes" | "no" } }[] {
  const en = ["crash", "ads", "slow", "battery", "sync", "update", "widget", "login", "freeze", "fix", "love", "price"];
  const orChain = (n: number) => Array.from({ length: n }, (_, i) => `${en[i % en.length]}${i >= en.length ? i : ""}`).join(" or ");
  return [
    { label: "60-term or-chain, 200 chars", filters: { q: orChain(60).slice(0, 200) } },
    { label: "or-chain at the word limit", filters: { q: orChain(12) } },
    { label: "12 exclusions only", filters: { q: en.map((w) => `-${w}`).join(" ") } },
    { label: "1 word, 11 exclusions", filters: { q: `app ${en.slice(1).map((w) => `-${w}`).join(" ")}` } },
    { label: "very common: app", filters: { q: "app" } },
    { label: "very common: the", filters: { q: "the" } },
    { label: "very common: die", filters: { q: "die" } },
    { label: "very common: が", filters: { q: "が" } },
    { label: "very common: 的", filters: { q: "的" } },
    { label: "very common: 이", filters: { q: "이" } },
    { label: "single letter: a", filters: { q: "a" } },
    { label: "3-letter prefix: con", filters: { q: "con" } },
    { label: "common and rare: app zzzz", filters: { q: "app zzzz" } },
    { label: "no match", filters: { q: "qwxzv" } },
    { label: "200 chars of Japanese", filters: { q: "広告が多すぎて使いにくいです。".repeat(15).slice(0, 200) } },
    { label: "200 chars of mixed scripts", filters: { q: "crash 広告 광고 реклама Werbung publicité anuncio ".repeat(5).slice(0, 200) } },
    { label: "12-word phrase", filters: { q: '"the app keeps crashing when i open the map since the last update"' } },
    { label: "punctuation only", filters: { q: '%%% ___ *** """ ---' } },
    { label: "nickname %", filters: { nickname: "%" } },
    { label: "nickname _", filters: { nickname: "_" } },
    { label: "nickname us (two letters: prefix)", filters: { nickname: "us" } },
    { label: "nickname a", filters: { nickname: "a" } },
    { label: "nickname user1", filters: { nickname: "user1" } },
    { label: "nickname no match", filters: { nickname: "zzqqxx" } },
    { label: "rare filters, no text", filters: { rating: "1", country: "xk", response: "yes" } },
    { label: "common word, rare filters", filters: { q: "app", rating: "2", country: "se", response: "yes" } },
    { label: "rare word, common filters", filters: { q: "plantages", rating: "1-5" } },
    { label: "prefix of a common word: upd", filters: { q: "upd" } },
    { label: "nickname and common word", filters: { q: "the", nickname: "user12" } },
    { label: "200 chars of one repeated word", filters: { q: "crash ".repeat(40).slice(0, 200) } },
  ];
}
