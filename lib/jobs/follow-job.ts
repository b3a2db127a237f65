// The browser's side of a job a page started: poll its status route until it ends, and ask it to
// stop. Shared by every page that queues a job; each route answers its own status shape.

type Ended = { state: string };

const ENDED = new Set(["DONE", "FAILED", "CANCELLED"]);
const POLL_MS = 1_000;
/** Unanswered polls in a row (a lost connection, a signed-out session) before the page gives up. */
const GIVE_UP_AFTER = 60;

/** Polls `url` every second, handing each answer to `onStatus`; the last one, or null when the route stopped answering. */
export async function followJob<Status extends Ended>(url: string, onStatus: (status: Status) => void): Promise<Status | null> {
  let missed = 0;
  while (missed < GIVE_UP_AFTER) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const status = await poll<Status>(url);
    if (!status) {
      missed += 1;
      continue;
    }
    missed = 0;
    onStatus(status);
    if (ENDED.has(status.state)) return status;
  }
  return null;
}

/** Asks the server to stop the job; the poll then sees it end. */
export async function cancelJob(url: string): Promise<void> {
  await fetch(url, { method: "POST", headers: { "x-entas-import": "1" } }).catch(() => undefined);
}

async function poll<Status>(url: string): Promise<Status | null> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? ((await response.json()) as Status) : null;
  } catch {
    return null;
  }
}
