import type { Logger } from "@ce/service-kit";
import type { Caller } from "../scope.ts";

/**
 * Who calls 登录, 验证码 and 忘记登录密码: anyone, from an address the throttle and the rate limits
 * count (null when unknown), with the request's logger and id. The tRPC context is one as it is.
 */
export interface AuthVisitor {
  clientIp: string | null;
  log: Logger;
  requestId: string;
}

/** A signed-in caller acting on their own session (退出, 修改密码, auth.me): the visitor, its principal and its session token. */
export interface SessionHolder extends Caller, AuthVisitor {
  token: string;
}
