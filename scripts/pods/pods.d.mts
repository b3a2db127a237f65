export declare function podsPort(env?: Record<string, string | undefined>): number;
export declare function podsDatabases(env?: Record<string, string | undefined>): {
  main: { name: string; serverUrl: string; url: string };
  pod2: { name: string; url: string };
};
