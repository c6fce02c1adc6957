/** The documents a batch writes once for the whole group; a module of its own, so naming them loads no renderer. */
export const GROUP_DOCUMENTS = ['group-summary', 'joint-complaint'] as const;
export type GroupDocument = (typeof GROUP_DOCUMENTS)[number];
