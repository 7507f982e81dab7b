/** Value types and UI building blocks that every module shares: segments, channels, the main layout, API errors. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.loopkeeper.sharedkernel;

import org.springframework.modulith.ApplicationModule;
