import { Breadcrumbs } from "./Breadcrumbs.tsx";
import { UnderConstruction } from "./Notice.tsx";

export function PlaceholderPage({ trail }: { trail: readonly string[] }) {
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <UnderConstruction />
    </div>
  );
}
