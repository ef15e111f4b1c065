/**
 * The part of OSCAL 1.0.6 (NIST, https://pages.nist.gov/OSCAL/) that liujin writes, as TypeScript
 * types. These are output shapes: tests validate every document against the published JSON
 * schemas (tests/schemas/), which are the authority, so the types stay a plain subset here.
 */
export const OSCAL_VERSION = '1.0.6';

/** OSCAL 1.0.6 `property`: the fields liujin writes. */
export interface OscalProperty {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

/** OSCAL 1.0.6 `link`: the fields liujin writes. */
export interface OscalLink {
  href: string;
  rel?: string;
  'media-type'?: string;
  text?: string;
}

/** OSCAL 1.0.6 `part`: the fields liujin writes. */
export interface OscalPart {
  id?: string;
  name: string;
  ns?: string;
  title?: string;
  props?: OscalProperty[];
  prose?: string;
  parts?: OscalPart[];
}

/** OSCAL 1.0.6 `parameter`: the fields liujin writes. */
export interface OscalParameter {
  id: string;
  class?: string;
  props?: OscalProperty[];
  label?: string;
  usage?: string;
  guidelines?: { prose: string }[];
  values?: string[];
}

/** OSCAL 1.0.6 `control`: the fields liujin writes. */
export interface OscalControl {
  id: string;
  class?: string;
  title: string;
  params?: OscalParameter[];
  props?: OscalProperty[];
  parts?: OscalPart[];
}

/** OSCAL 1.0.6 `group`: the fields liujin writes. */
export interface OscalGroup {
  id: string;
  class?: string;
  title: string;
  props?: OscalProperty[];
  controls?: OscalControl[];
}

/** OSCAL 1.0.6 `party`: the fields liujin writes. */
export interface OscalParty {
  uuid: string;
  type: 'organization' | 'person';
  name?: string;
  'short-name'?: string;
  props?: OscalProperty[];
  'member-of-organizations'?: string[];
  remarks?: string;
}

/** OSCAL 1.0.6 `role`: the fields liujin writes. */
export interface OscalRole {
  id: string;
  title: string;
  description?: string;
}

/** OSCAL 1.0.6 `metadata`: the fields liujin writes. */
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

/** OSCAL 1.0.6 `resource`: the fields liujin writes. */
export interface OscalResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProperty[];
  citation?: { text: string };
  rlinks?: { href: string; 'media-type'?: string; hashes?: { algorithm: string; value: string }[] }[];
  remarks?: string;
}

/** OSCAL 1.0.6 `catalog`: the fields liujin writes. */
export interface OscalCatalog {
  uuid: string;
  metadata: OscalMetadata;
  params?: OscalParameter[];
  groups: OscalGroup[];
  'back-matter'?: { resources: OscalResource[] };
}

/** OSCAL 1.0.6 `observation`: the fields liujin writes. */
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

/** OSCAL 1.0.6 `finding`: the fields liujin writes. */
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

/** OSCAL 1.0.6 `result`: the fields liujin writes. */
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

/** OSCAL 1.0.6 `assessment-results`: the fields liujin writes. */
export interface OscalAssessmentResults {
  uuid: string;
  metadata: OscalMetadata;
  'import-ap': { href: string; remarks?: string };
  results: OscalResult[];
  'back-matter'?: { resources: OscalResource[] };
}
