/**
 * Imports the subscription UI's listeners (`subscription-ui.ts`) on first use. Light: the registrations at start-up
 * import only this, and Node keeps the module once loaded, so later requests pay nothing more.
 */
export const loadSubscriptionUi = () => import('./subscription-ui.ts');
