import { createTranslator } from "next-intl";
import id from "@/messages/id";

/**
 * The platform's validation messages, from the Indonesian catalogue: like every message
 * the action pipeline returns, they are shown as given (Indonesian is the default).
 */
export const platformErrors = createTranslator({ locale: "id", messages: id, namespace: "Platform.errors" });
