import { PublicNotFoundContent } from "@/components/public/not-found-content";

export default function PublicNotFound() {
  return <PublicNotFoundContent />;
}
