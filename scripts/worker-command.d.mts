export declare const WORKER_NODE_FLAGS: string[];
export declare function workerArgs(options?: { heapMb?: number }): string[];
