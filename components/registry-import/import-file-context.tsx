"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

type ImportFileState = {
  /** The file last checked, kept so that saving sends the very same bytes again. */
  file: File | null;
  source: string;
  setChecked: (file: File, source: string) => void;
};

const ImportFileContext = createContext<ImportFileState | null>(null);

export function ImportFileProvider({ children }: { children: ReactNode }) {
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("DTSEN");
  const value = useMemo<ImportFileState>(
    () => ({ file, source, setChecked: (next, nextSource) => (setFile(next), setSource(nextSource)) }),
    [file, source],
  );
  return <ImportFileContext.Provider value={value}>{children}</ImportFileContext.Provider>;
}

export function useImportFile(): ImportFileState {
  const value = useContext(ImportFileContext);
  if (!value) throw new Error("useImportFile outside ImportFileProvider");
  return value;
}
