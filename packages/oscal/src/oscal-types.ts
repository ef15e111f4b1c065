/**
 * The part of OSCAL 1.0.6 (NIST, https://pages.nist.gov/OSCAL/) that liujin writes, as TypeScript
 * types. These are output shapes: tests validate every document against the published JSON
 * schemas (tests/schemas/), which are the authority, so the types stay a plain subset here.
 */
export const OSCAL_VERSION = '1.0.6';

export interface OscalProperty {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

export interface OscalLink {
  href: string;
  rel?: string;
  'media-type'?: string;
  text?: string;
}

export interface OscalPart {
  id?: string;
  name: string;
  ns?: string;
  title?: string;
  props?: OscalProperty[];
  prose?: string;
  parts?: OscalPart[];
}

export interface OscalParameter {
  id: string;
  class?: string;
  props?: OscalProperty[];
  label?: string;
  usage?: string;
  guidelines?: { prose: string }[];
  values?: string[];
}

export interface OscalControl {
  id: string;
  class?: string;
  title: string;
  params?: OscalParameter[];
  props?: OscalProperty[];
  parts?: OscalPart[];
}

export interface OscalGroup {
  id: string;
  class?: string;
  title: string;
  props?: OscalProperty[];
  controls?: OscalControl[];
}

export interface OscalParty {
  uuid: string;
  type: 'organization' | 'person';
  name?: string;
  'short-name'?: string;
  props?: OscalProperty[];
  'member-of-organizations'?: string[];
  remarks?: string;
}

export interface OscalRole {
  id: string;
  title: string;
  description?: string;
}

export interface OscalMetadata {
  title: string;
  published?: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  props?: OscalProperty[];
  links?: OscalLink[];
  roles?: OscalRole[];
  parties?: OscalParty[];
  'responsible-parties'?: { 'role-id': string; 'party-uuids': string[] }[];
  remarks?: string;
}

export interface OscalResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProperty[];
  citation?: { text: string };
  rlinks?: { href: string; 'media-type'?: string; hashes?: { algorithm: string; value: string }[] }[];
  remarks?: string;
}

export interface OscalCatalog {
  uuid: string;
  metadata: OscalMetadata;
  params?: OscalParameter[];
  groups: OscalGroup[];
  'back-matter'?: { resources: OscalResource[] };
}

export interface OscalObservation {
  uuid: string;
  title?: string;
  description: string;
  props?: OscalProperty[];
  methods: string[];
  types?: string[];
  subjects?: { 'subject-uuid': string; type: string; title?: string }[];
  'relevant-evidence'?: { description: string; props?: OscalProperty[] }[];
  collected: string;
  remarks?: string;
}

export interface OscalFinding {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProperty[];
  target: {
    type: 'statement-id' | 'objective-id';
    'target-id': string;
    title?: string;
    status: { state: 'satisfied' | 'not-satisfied'; reason?: string; remarks?: string };
  };
  'related-observations'?: { 'observation-uuid': string }[];
  remarks?: string;
}

export interface OscalResult {
  uuid: string;
  title: string;
  description: string;
  start: string;
  end?: string;
  props?: OscalProperty[];
  'reviewed-controls': {
    description?: string;
    links?: OscalLink[];
    'control-selections': { 'include-controls': { 'control-id': string }[] }[];
  };
  observations?: OscalObservation[];
  findings?: OscalFinding[];
  remarks?: string;
}

export interface OscalAssessmentResults {
  uuid: string;
  metadata: OscalMetadata;
  'import-ap': { href: string; remarks?: string };
  results: OscalResult[];
  'back-matter'?: { resources: OscalResource[] };
}
