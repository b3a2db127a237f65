// The URL of a city's areas: /<city>/wilayah.
export const areasRoutes = {
  list: (slug: string) => `/${slug}/wilayah`,
};
