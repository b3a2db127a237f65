/** The Entas mark: a line rising above the ground line ("naik kelas"). Decorative. */
export function EntasLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M6 24h20" stroke="#dcae4a" strokeWidth="3" strokeLinecap="round" />
      <path d="M9 19l5-5 4 3 6-7" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
