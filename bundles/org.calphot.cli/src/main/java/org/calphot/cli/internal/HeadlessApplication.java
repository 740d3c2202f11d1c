package org.calphot.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The headless product's entry point: hands the program arguments to picocli, returns its exit code. */
public final class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        return Integer.valueOf(CalphotCli.run(args == null ? new String[0] : args));
    }

    @Override
    public void stop() {
        // commands poll their ProgressMonitor; nothing else to stop
    }
}
