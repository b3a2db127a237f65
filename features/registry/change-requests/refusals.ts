// A change request's refusals, in the words of messages/<locale>/ChangeRequests.json
// ("errors"): Indonesian on the field, the user's language at the top of the form.
import { createTranslator } from "next-intl";
import { AppError, type AppErrorCode } from "@/lib/errors";
import id from "@/messages/id";

const words = createTranslator({ locale: "id", messages: id, namespace: "ChangeRequests.errors" });

export type ChangeRefusal = keyof (typeof id)["ChangeRequests"]["errors"];

export function changeRefused(key: ChangeRefusal, field?: string, params: Record<string, number | string> = {}, code: AppErrorCode = "INVALID"): AppError {
  const message = (words as unknown as (key: string, params: Record<string, number | string>) => string)(key, params);
  return new AppError(code, message, field ? { [field]: [message] } : undefined, { key: `ChangeRequests.errors.${key}`, params });
}
