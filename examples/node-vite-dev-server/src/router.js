// Client-side routes; the server must answer every deep link with index.html.
const routes = {
  '/': 'Overview',
  '/dashboard/settings': 'Settings',
  '/dashboard/reports': 'Reports',
}

export function routeTitle(pathname) {
  return routes[pathname] ?? `Not found: ${pathname}`
}
