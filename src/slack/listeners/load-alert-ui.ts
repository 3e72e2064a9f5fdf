/**
 * Imports the alerts UI's listeners (`alert-ui.ts`) on first use. Light: the registrations at start-up import only
 * this, and Node keeps the module once loaded, so later requests pay nothing more.
 */
export const loadAlertUi = () => import('./alert-ui.ts');
