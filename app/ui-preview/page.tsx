import { notFound } from "next/navigation";
import { UiGallery } from "./gallery";

// The component gallery is a development aid (`npm run dev`); a production server answers 404.
export default function UiPreviewPage() {
  if (process.env.NODE_ENV === "production") notFound();
  return <UiGallery />;
}
