/** Series colours: the brand blue, the gold accent, then colours that stay apart in grey print. */
export const CHART_COLORS = ["#1f5a8e", "#c9962f", "#4f8dc3", "#8a6417", "#82b1d9", "#566273"] as const;

/** The target line and the gap to it. */
export const TARGET_COLOR = "#b42318";
