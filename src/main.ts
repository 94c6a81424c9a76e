// Composition root: the only file that wires every layer together. (The stage lands with issue 3.)
const app = document.getElementById('app');
if (app) app.textContent = 'kubedeck';
