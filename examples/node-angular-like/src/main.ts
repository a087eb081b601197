// Bootstraps the shop: renders the component for the current route into <app-root>.
import { routes } from './app/app.routes';

const outlet = document.querySelector('app-root');
const page = routes.find((r) => r.path === window.location.pathname.replace(/^\//, ''));
if (outlet) {
  outlet.setAttribute('data-route', page ? page.title : 'not-found');
}
