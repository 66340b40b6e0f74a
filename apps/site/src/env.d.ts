/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** The page being rendered, for components used inside MDX content. */
    page?: import('./lib/page-context.ts').PageContext;
  }
}
declare module 'virtual:design-tokens.css';
