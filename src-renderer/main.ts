/**
 * Entry point of the renderer: takes the host's token out of the address bar, then mounts the app.
 */
import { mount } from 'svelte';
import App from './App.svelte';
import { adoptTokenFromUrl } from './lib/api';
import './styles.css';
import './styles-frame.css';
import './styles-screens.css';
import './styles-details.css';

adoptTokenFromUrl();

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');
mount(App, { target });
