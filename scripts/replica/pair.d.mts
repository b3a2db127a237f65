export function postgresBinaries(): string | null;
export function startReplicaPair(ports?: { primaryPort?: number; replicaPort?: number }): {
  dir: string;
  primaryUrl: string;
  replicaUrl: string;
  stop: () => void;
};
