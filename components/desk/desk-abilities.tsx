"use client";

import { createContext, useContext, type ReactNode } from "react";

/** What the signed-in person may do beside the record being edited (the server checks it again at every write). */
export interface DeskAbilities {
  /** Editors create people and organizations (from inside a picker too). */
  canCreateReferences: boolean;
}

const Context = createContext<DeskAbilities>({ canCreateReferences: false });

export function DeskAbilitiesProvider({ value, children }: { value: DeskAbilities; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useDeskAbilities = () => useContext(Context);
