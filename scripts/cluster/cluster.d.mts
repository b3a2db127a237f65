export declare const CLUSTER_PACKAGES: string[];
export declare const CLUSTER_LOGIN_ROLE: string;
export declare function clusterPorts(env?: Record<string, string | undefined>): { balancer: number; web: [number, number]; pgbouncer: number };
export declare function clusterDatabase(env?: Record<string, string | undefined>): { name: string; serverUrl: string; directUrl: string; pooledUrl: string };
export declare function findProgram(name: string): string | null;
export declare function clusterPrograms(): { ok: true; programs: Record<string, string> } | { ok: false; message: string };
