import { z } from "@/lib/validation/zod";
import { wordsMessage } from "@/lib/errors/words-message";

/** The city admin's switch of the public page: "on" opens it, "off" closes it. */
export const publicPageSwitchSchema = z.object({
  enabled: z.enum(["on", "off"], { error: wordsMessage("PublicPage.input.choiceRequired") }),
});
