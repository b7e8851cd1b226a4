/** Structured data (schema.org JSON-LD) for search engines. */
import type { OfferData, SiteData } from './content-schemas.ts';

export function organisationJsonLd(site: SiteData, siteUrl: URL) {
  const org = site.organisation;
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    '@id': new URL('/#organisation', siteUrl).href,
    name: org.name,
    alternateName: org.bereich,
    url: siteUrl.href,
    email: org.postfach,
    address: {
      '@type': 'PostalAddress',
      streetAddress: org.anschrift.strasse,
      postalCode: org.anschrift.plz,
      addressLocality: org.anschrift.ort,
      addressRegion: 'Nordrhein-Westfalen',
      addressCountry: 'DE',
    },
    contactPoint: {
      '@type': 'ContactPoint',
      contactType: org.bereich,
      email: org.postfach,
      availableLanguage: ['de'],
      areaServed: 'Nordrhein-Westfalen',
    },
  };
}

export function offerJsonLd(offer: OfferData, pageUrl: URL, siteUrl: URL) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: offer.titel,
    description: offer.kurzbeschreibung,
    url: pageUrl.href,
    serviceType: offer.themenfeld,
    provider: { '@id': new URL('/#organisation', siteUrl).href },
    areaServed: { '@type': 'State', name: 'Nordrhein-Westfalen' },
    audience: { '@type': 'Audience', audienceType: offer.zielgruppe },
    hasOfferCatalog: {
      '@type': 'OfferCatalog',
      name: 'Leistungen',
      itemListElement: offer.leistungen.map((l) => ({
        '@type': 'Offer',
        itemOffered: { '@type': 'GovernmentService', name: l.name, identifier: `OZG-ID ${l.ozgId}` },
      })),
    },
  };
}

/** Every offer of the portal as one list (start page, Angebote), each linking to its own page. */
export function offerCatalogJsonLd(offers: readonly { href: string; data: Pick<OfferData, 'titel' | 'kurzbeschreibung'> }[], siteUrl: URL, name: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'OfferCatalog',
    name,
    provider: { '@id': new URL('/#organisation', siteUrl).href },
    numberOfItems: offers.length,
    itemListElement: offers.map((offer, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: { '@type': 'GovernmentService', name: offer.data.titel, description: offer.data.kurzbeschreibung, url: new URL(offer.href, siteUrl).href },
    })),
  };
}
