// Runs HeidelTime (news, English, TreeTagger) over many documents in one JVM: starting HeidelTime
// and TreeTagger takes most of a one-document run. Called by heideltime.py:
//   java -cp de.unihd.dbs.heideltime.standalone.jar HeidelBatch.java config.props LIST
// where each line of LIST is `input.txt<TAB>YYYY-MM-DD<TAB>output.tml`.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.List;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone.readConfigFile(args[0]);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int n = 0;
        for (String line : lines) {
            String[] f = line.split("\t");
            String text = Files.readString(Path.of(f[0]), StandardCharsets.UTF_8);
            String out = tagger.process(text, day.parse(f[1]));
            Files.writeString(Path.of(f[2]), out, StandardCharsets.UTF_8);
            System.err.println("[" + (++n) + "/" + lines.size() + "] " + f[0]);
        }
    }
}
