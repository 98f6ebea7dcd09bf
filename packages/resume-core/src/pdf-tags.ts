import type { StructTreeContent, StructTreeNode } from "pdfjs-dist/types/src/display/api.js";

/** Where a piece of marked content sits in a tagged PDF's structure: which list item, if any. */
export interface ContentPlace {
  /** The list item (LI) holding it, numbered in tree order. */
  listItem: number;
  /** Inside the item's label (Lbl: its bullet or number), not its body. */
  inLabel: boolean;
}

/**
 * Reads a page's structure tree (tagged PDFs: browsers' "Save as PDF", Word, many builders) into
 * the list item of each marked-content id. Untagged pages give an empty map. The walk is
 * iterative: a hostile file's deep tree cannot exhaust the stack.
 */
export function listItemsOf(tree: StructTreeNode | null | undefined): Map<string, ContentPlace> {
  const places = new Map<string, ContentPlace>();
  if (!tree) return places;
  let items = 0;
  const pending: Array<{ node: StructTreeNode | StructTreeContent; listItem?: number; inLabel: boolean }> = [
    { node: tree, inLabel: false },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node } = next;
    if ("children" in node) {
      const listItem = node.role === "LI" ? items++ : next.listItem;
      const inLabel = next.inLabel || node.role === "Lbl";
      // Pushed in reverse so that children are visited in order.
      for (let index = node.children.length - 1; index >= 0; index--) {
        const child = node.children[index];
        if (child) pending.push({ node: child, ...(listItem === undefined ? {} : { listItem }), inLabel });
      }
    } else if (node.type === "content" && next.listItem !== undefined) {
      places.set(node.id, { listItem: next.listItem, inLabel: next.inLabel });
    }
  }
  return places;
}
