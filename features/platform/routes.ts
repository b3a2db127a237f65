// The URL of the platform admin's page.
export const platformRoutes = {
  home: () => "/platform",
};
