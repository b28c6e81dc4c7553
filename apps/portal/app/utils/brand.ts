/** The platform's name as the guide prints it in every header. */
export const PLATFORM_NAME = "山东省交通运输厅专业技术人员继续教育公共服务平台";
export const HOTLINE = "400-806-8255";
