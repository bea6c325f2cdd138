import { UiGallery } from "./gallery";

// The component gallery is a development aid (`npm run dev`): its page ends in .dev.tsx, an extension only the
// development server treats as a page (next.config.ts), so production builds neither compile nor serve it.
export default function UiPreviewPage() {
  return <UiGallery />;
}
