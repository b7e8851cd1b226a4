/**
 * Stand-in for @stripe/react-stripe-js in the browser bundle. @formspree/react imports it for card
 * payments, which the portal's forms never use; the real package is a CommonJS bundle the build
 * cannot tree-shake (~5.5 KB gzip). astro.config.mjs aliases the package to this file.
 */
import type { ComponentChildren } from 'preact';

export const CardElement = (): null => null;
export const Elements = (props: { children?: ComponentChildren }): ComponentChildren => props.children;
export const useElements = (): null => null;
