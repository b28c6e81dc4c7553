import type { UserType } from "@ce/contracts";
import { DEMO_PASSWORD, demoProfessionals, demoUnits } from "./demo-data.ts";

export interface DemoLogin {
  userType: UserType;
  idNumber: string;
  password: string;
  name: string;
  unit: string;
}

/**
 * The accounts `npm run seed:demo` creates that a person would sign in with: the super admin of
 * every demo unit, and two approved professionals. Pure data; importing it touches no database.
 */
export const demoLogins: DemoLogin[] = [
  ...demoUnits.map((u) => ({ userType: u.kind, idNumber: u.admin.idNumber, password: DEMO_PASSWORD, name: u.admin.name, unit: u.name })),
  ...demoProfessionals()
    .filter((p) => p.status === "APPROVED")
    .slice(0, 2)
    .map((p) => ({
      userType: "PROFESSIONAL" as const,
      idNumber: p.idNumber,
      password: DEMO_PASSWORD,
      name: p.name,
      unit: demoUnits.find((u) => u.key === p.unitKey)?.name ?? "",
    })),
];
