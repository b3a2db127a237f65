// The URL of a city's public page: /publik/<city>. It sits outside the city's own tree
// (app/[tenant]), whose layout turns away whoever has not signed in.
export const publicPageRoutes = {
  page: (slug: string) => `/publik/${slug}`,
};
