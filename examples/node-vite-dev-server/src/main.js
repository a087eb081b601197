import './style.css'
import { routeTitle } from './router.js'

document.querySelector('#route').textContent = routeTitle(window.location.pathname)
