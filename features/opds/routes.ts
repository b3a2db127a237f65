// The URLs of a city's OPDs: /<city>/opd.
const base = (slug: string) => `/${slug}/opd`;

export const opdsRoutes = {
  list: (slug: string) => base(slug),
  detail: (slug: string, opdId: string) => `${base(slug)}/${encodeURIComponent(opdId)}`,
};
