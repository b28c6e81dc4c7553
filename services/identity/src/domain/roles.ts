/** Messages of 角色管理; who may grant what is domain/grants.ts. */
export const roleMessages = {
  notFound: "角色不存在",
  nameTaken: "本单位已有同名角色",
  inUse: (n: number) => `该角色已分配给${n}名管理员，确认删除后这些管理员将不再拥有该角色`,
} as const;
