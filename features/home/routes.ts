// The URL of a city's home page: /<city>.
export const homeRoutes = {
  home: (slug: string) => `/${slug}`,
};
