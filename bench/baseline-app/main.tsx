// Bundle baseline: the smallest React app, built with the same Vite setup as EveryDose.
import { createRoot } from 'react-dom/client';

const el = document.getElementById('root');
if (el) createRoot(el).render(<p>Hello</p>);
